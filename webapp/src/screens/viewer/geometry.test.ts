import { geometryOnImage, geometryOnMap } from "./geometry";

describe("annotation geometry", () => {
  it("puts image pixel coordinates (y down) on the map (y up) and back", () => {
    const polygon = { type: "Polygon", coordinates: [[[10, 20], [110, 20], [110, 70], [10, 20]]] };
    const onMap = geometryOnMap(polygon, 200)!;
    expect(onMap.getExtent()).toEqual([10, 130, 110, 180]);
    expect(geometryOnImage(onMap, 200)).toEqual(polygon);
  });

  it("keeps a point where it was drawn", () => {
    expect(geometryOnImage(geometryOnMap({ type: "Point", coordinates: [5, 0] }, 50)!, 50)).toEqual({ type: "Point", coordinates: [5, 0] });
  });
});
