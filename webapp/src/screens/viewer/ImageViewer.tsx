import { useMutation, useQuery } from "@apollo/client";
import { useMemo, useState } from "react";
import { FormErrors } from "../../components/Field";
import { AnnotationEditor, type AnnotationChanges } from "./AnnotationEditor";
import { AnnotationList } from "./AnnotationList";
import { AnnotationMap, type DrawTool } from "./AnnotationMap";
import { AnnotationsQuery, CreateAnnotationMutation, DeleteAnnotationMutation, UpdateAnnotationMutation } from "./operations";
import { useImageSize } from "./useImageSize";

interface ImageViewerProps {
  datasetId: string;
  imageUrl: string;
  canModify: boolean;
}

const TOOLS: { tool: DrawTool; label: string }[] = [
  { tool: "Point", label: "Point" },
  { tool: "LineString", label: "Line" },
  { tool: "Rectangle", label: "Rectangle" },
  { tool: "Polygon", label: "Polygon" },
];

/** The stained image with its annotations: everyone looks; who may modify draws and edits. */
export function ImageViewer({ datasetId, imageUrl, canModify }: ImageViewerProps) {
  const size = useImageSize(imageUrl);
  const variables = { id: datasetId };
  const { data, fetchMore } = useQuery(AnnotationsQuery, { variables });
  const refetch = { refetchQueries: [{ query: AnnotationsQuery, variables }], awaitRefetchQueries: true };
  const [createAnnotation] = useMutation(CreateAnnotationMutation, refetch);
  const [updateAnnotation] = useMutation(UpdateAnnotationMutation);
  const [deleteAnnotation] = useMutation(DeleteAnnotationMutation, refetch);
  const [tool, setTool] = useState<DrawTool | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [failures, setFailures] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const annotations = useMemo(() => data?.dataset?.annotations.edges.map((edge) => edge.node) ?? [], [data]);
  const pageInfo = data?.dataset?.annotations.pageInfo;
  const selected = annotations.find((annotation) => annotation.id === selectedId);

  const attempt = async (change: () => Promise<readonly { message: string }[]>) => {
    setBusy(true);
    try {
      const errors = await change();
      setFailures(errors.map((error) => error.message));
      return errors;
    } catch (error) {
      setFailures([`The request failed: ${(error as Error).message}`]);
      return [{ message: "failed" }];
    } finally {
      setBusy(false);
    }
  };

  const onDrawn = (geometry: unknown) =>
    attempt(async () => {
      const label = `${TOOLS.find((entry) => entry.tool === tool)?.label ?? "Shape"} ${annotations.length + 1}`;
      const { data: created } = await createAnnotation({ variables: { input: { datasetId, label, geometry } } });
      const payload = created?.createAnnotation;
      if (payload?.annotation) {
        setSelectedId(payload.annotation.id);
        setTool(null);
      }
      return payload?.errors ?? [];
    });

  const onSave = (id: string) => async (changes: AnnotationChanges) => {
    const { data: updated } = await updateAnnotation({ variables: { input: { id, ...changes } } });
    return updated?.updateAnnotation;
  };

  const onDelete = (id: string) =>
    attempt(async () => {
      const { data: deleted } = await deleteAnnotation({ variables: { input: { id } } });
      if (deleted?.deleteAnnotation.deletedId) setSelectedId(null);
      return deleted?.deleteAnnotation.errors ?? [];
    });

  return (
    <section className="image-viewer" aria-labelledby="image-heading">
      <h2 id="image-heading">Image and annotations</h2>
      {canModify && (
        <div className="draw-tools" role="toolbar" aria-label="Draw">
          {TOOLS.map((entry) => (
            <button key={entry.tool} type="button" aria-pressed={tool === entry.tool} onClick={() => setTool(tool === entry.tool ? null : entry.tool)}>
              {entry.label}
            </button>
          ))}
        </div>
      )}
      {tool && <p className="hint">Draw a {tool === "LineString" ? "line" : tool.toLowerCase()} on the image{tool === "Point" || tool === "Rectangle" ? "" : "; double-click to finish"}.</p>}
      <FormErrors messages={failures} />
      <div className="viewer-layout">
        {size === null && <p aria-live="polite">Loading the image…</p>}
        {size === "failed" && <p role="alert">This file cannot be shown as an image in the browser; download it instead.</p>}
        {size && size !== "failed" && (
          <AnnotationMap
            imageUrl={imageUrl}
            width={size.width}
            height={size.height}
            annotations={annotations}
            selectedId={selectedId}
            tool={canModify ? tool : null}
            onSelect={setSelectedId}
            onDrawn={onDrawn}
          />
        )}
        <div className="annotation-panel">
          <AnnotationList annotations={annotations} selectedId={selectedId} onSelect={setSelectedId} />
          {pageInfo?.hasNextPage && (
            <button type="button" onClick={() => fetchMore({ variables: { after: pageInfo.endCursor } })}>
              More annotations
            </button>
          )}
          {selected?.viewerCanEdit && (
            <AnnotationEditor key={selected.id} annotation={selected} busy={busy} onSave={onSave(selected.id)} onDelete={() => onDelete(selected.id)} />
          )}
        </div>
      </div>
    </section>
  );
}
