import { contentDisposition } from "./uploadFile";

describe("the upload's Content-Disposition", () => {
  it("names the file, with a UTF-8 form for names outside ASCII", () => {
    expect(contentDisposition("kidney.png")).toBe(`attachment; filename="kidney.png"; filename*=UTF-8''kidney.png`);
    expect(contentDisposition('Niere "Schnitt" ü.tif')).toBe(
      `attachment; filename="Niere _Schnitt_ _.tif"; filename*=UTF-8''Niere%20%22Schnitt%22%20%C3%BC.tif`,
    );
  });
});
