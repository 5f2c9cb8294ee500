import GeoJSON from "ol/format/GeoJSON";
import type Geometry from "ol/geom/Geometry";

const format = new GeoJSON();

/*
 * Annotations are stored in image pixel coordinates with y growing downwards from the
 * top-left corner, as image tools count them; OpenLayers' pixel projection grows y
 * upwards from the bottom. Mirroring about the image's middle line maps one onto the other.
 */
function mirrored(geometry: Geometry, imageHeight: number): Geometry {
  const copy = geometry.clone();
  copy.scale(1, -1, [0, imageHeight / 2]);
  return copy;
}

export function geometryOnMap(geojson: unknown, imageHeight: number): Geometry | undefined {
  const geometry = format.readGeometry(geojson);
  return geometry ? mirrored(geometry, imageHeight) : undefined;
}

export function geometryOnImage(geometry: Geometry, imageHeight: number): unknown {
  return format.writeGeometryObject(mirrored(geometry, imageHeight), { decimals: 2 });
}
