import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A small imzML document naming `run` (a UUID) in its header, as instruments write it. */
export function imzml(run: string): Buffer {
  return Buffer.from(
    '<?xml version="1.0" encoding="ISO-8859-1"?>\n' +
      '<mzML xmlns="http://psi.hupo.org/ms/mzml" version="1.1">' +
      '<cvList count="2"/><fileDescription><fileContent>' +
      '<cvParam cvRef="MS" accession="MS:1000579" name="MS1 spectrum" value=""/>' +
      `<cvParam cvRef="IMS" accession="IMS:1000080" name="universally unique identifier" value="{${run}}"/>` +
      '<cvParam cvRef="IMS" accession="IMS:1000030" name="continuous" value=""/>' +
      "</fileContent></fileDescription>" +
      '<run id="r"><spectrumList count="1"></spectrumList></run></mzML>',
    "latin1",
  );
}

/** An .ibd of `run`: the run's 16 UUID bytes, then `size` bytes of spectra. */
export function ibd(run: string, size: number): Buffer {
  return Buffer.concat([Buffer.from(run.replaceAll("-", ""), "hex"), randomBytes(size)]);
}

export function newRun(): string {
  return randomUUID();
}

/**
 * Files on disk, as a person chooses them: the browser remembers an unfinished upload by the
 * file's name, size and date, so choosing the same file again after a reload resumes it.
 */
export function onDisk(files: Record<string, Buffer>): Record<string, string> {
  const folder = mkdtempSync(join(tmpdir(), "datashare-e2e-files-"));
  const paths: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) {
    paths[name] = join(folder, name);
    writeFileSync(paths[name], bytes);
  }
  return paths;
}
