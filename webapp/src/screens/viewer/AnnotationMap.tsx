import OlMap from "ol/Map";
import View from "ol/View";
import Feature from "ol/Feature";
import { getCenter } from "ol/extent";
import type { Extent } from "ol/extent";
import Draw, { createBox } from "ol/interaction/Draw";
import ImageLayer from "ol/layer/Image";
import VectorLayer from "ol/layer/Vector";
import Projection from "ol/proj/Projection";
import ImageStatic from "ol/source/ImageStatic";
import VectorSource from "ol/source/Vector";
import { Circle, Fill, Stroke, Style } from "ol/style";
import type Geometry from "ol/geom/Geometry";
import { useEffect, useRef } from "react";
import "ol/ol.css";
import type { AnnotationFieldsFragment } from "../../gql/graphql";
import { geometryOnImage, geometryOnMap } from "./geometry";

export type DrawTool = "Point" | "LineString" | "Rectangle" | "Polygon";

interface AnnotationMapProps {
  imageUrl: string;
  width: number;
  height: number;
  annotations: readonly AnnotationFieldsFragment[];
  selectedId: string | null;
  tool: DrawTool | null;
  onSelect: (id: string | null) => void;
  onDrawn: (geometry: unknown) => void;
}

function styleFor(color: string, selected: boolean): Style {
  const stroke = new Stroke({ color, width: selected ? 4 : 2 });
  const fill = new Fill({ color: `${color}33` });
  return new Style({ stroke, fill, image: new Circle({ radius: selected ? 8 : 6, fill: new Fill({ color }), stroke: new Stroke({ color: "#fff", width: 2 }) }) });
}

/** The image in pixel coordinates with its annotations drawn over it; draws new ones with `tool`. */
export function AnnotationMap({ imageUrl, width, height, annotations, selectedId, tool, onSelect, onDrawn }: AnnotationMapProps) {
  const target = useRef<HTMLDivElement>(null);
  const map = useRef<OlMap | null>(null);
  const source = useRef(new VectorSource<Feature<Geometry>>());
  const callbacks = useRef({ onSelect, onDrawn, tool });
  callbacks.current = { onSelect, onDrawn, tool };

  useEffect(() => {
    const extent: Extent = [0, 0, width, height];
    const projection = new Projection({ code: "datashare-image", units: "pixels", extent });
    const created = new OlMap({
      target: target.current!,
      layers: [
        new ImageLayer({ source: new ImageStatic({ url: imageUrl, projection, imageExtent: extent }) }),
        new VectorLayer({ source: source.current }),
      ],
      view: new View({ projection, center: getCenter(extent), extent, constrainOnlyCenter: true, maxZoom: 8 }),
    });
    created.getView().fit(extent);
    created.on("click", (event) => {
      // A click that draws is not a choice of annotation.
      if (callbacks.current.tool) return;
      const hit = created.forEachFeatureAtPixel(event.pixel, (feature) => feature.getId());
      callbacks.current.onSelect(hit === undefined ? null : String(hit));
    });
    map.current = created;
    return () => {
      created.setTarget(undefined);
      map.current = null;
    };
  }, [imageUrl, width, height]);

  useEffect(() => {
    source.current.clear();
    source.current.addFeatures(
      annotations.map((annotation) => {
        const feature = new Feature(geometryOnMap(annotation.geometry, height));
        feature.setId(annotation.id);
        feature.setStyle(styleFor(annotation.color, annotation.id === selectedId));
        return feature;
      }),
    );
  }, [annotations, selectedId, height]);

  useEffect(() => {
    const current = map.current;
    if (!current || !tool) return;
    const draw =
      tool === "Rectangle"
        ? new Draw({ source: new VectorSource(), type: "Circle", geometryFunction: createBox() })
        : new Draw({ source: new VectorSource(), type: tool });
    draw.on("drawend", (event) => {
      const geometry = event.feature.getGeometry();
      if (geometry) callbacks.current.onDrawn(geometryOnImage(geometry, height));
    });
    current.addInteraction(draw);
    return () => {
      current.removeInteraction(draw);
    };
  }, [tool, height, imageUrl, width]);

  return <div ref={target} className="annotation-map" role="img" aria-label="The image with its annotations" />;
}
