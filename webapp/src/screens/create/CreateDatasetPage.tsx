import { useApolloClient, useMutation } from "@apollo/client";
import { useId, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { forgetDatasetLists } from "../../app/apollo";
import { useViewer } from "../../app/session";
import { Field, FormErrors, TextAreaField } from "../../components/Field";
import { formatSize } from "../../components/format";
import { useForm } from "../../components/useForm";
import type { DatasetKind } from "../../gql/graphql";
import { handOverFiles } from "../dataset/handOver";
import { CreateDatasetMutation } from "./operations";

/**
 * Create a dataset (private at first) with the files chosen for it: the dataset's page then
 * sends them resumably, each with its progress, as files added there are sent.
 */
export function CreateDatasetPage() {
  const [createDataset] = useMutation(CreateDatasetMutation);
  const client = useApolloClient();
  const navigate = useNavigate();
  const filesId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const { viewer, loading: viewerLoading } = useViewer();
  const { values, set, errors, busy, handleSubmit } = useForm({ name: "", description: "", kind: "IMAGE" }, ["name", "description", "kind"]);

  const onSubmit = handleSubmit(
    async ({ name, description, kind }) => {
      const { data } = await createDataset({ variables: { input: { name, description, kind: kind as DatasetKind } } });
      return data?.createDataset;
    },
    ({ dataset }) => {
      // The lists now hold one more dataset.
      forgetDatasetLists(client.cache);
      if (!dataset) return;
      handOverFiles(dataset.id, files);
      navigate(`/datasets/${dataset.id}`);
    },
  );

  if (!viewerLoading && !viewer) {
    return (
      <section className="narrow">
        <h1>New dataset</h1>
        <p>
          <Link to="/login?next=%2Fdatasets%2Fnew">Log in</Link> to create a dataset.
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>New dataset</h1>
      <p>A new dataset is private: visible to you alone until you share it.</p>
      <form onSubmit={onSubmit} noValidate>
        <FormErrors messages={errors.general} />
        <Field label="Name" name="name" required value={values.name} error={errors.byField.name} onChange={(e) => set("name", e.target.value)} />
        <TextAreaField label="Description" name="description" value={values.description} error={errors.byField.description} onChange={(e) => set("description", e.target.value)} />
        <fieldset>
          <legend>Kind</legend>
          <label>
            <input type="radio" name="kind" value="IMAGE" checked={values.kind === "IMAGE"} onChange={() => set("kind", "IMAGE")} /> Stained image
          </label>
          <label>
            <input type="radio" name="kind" value="MSI" checked={values.kind === "MSI"} onChange={() => set("kind", "MSI")} /> MSI run
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor={filesId}>Files to upload</label>
          <input id={filesId} name="files" type="file" multiple onChange={(event) => setFiles(Array.from(event.target.files ?? []))} />
          <p className="hint">Optional: you can add files later on the dataset's page. An MSI run needs its .imzML and its .ibd.</p>
          {files.length > 0 && (
            <ul className="files" aria-label="Chosen files">
              {files.map((file) => (
                <li key={`${file.name}-${file.size}`}>
                  <span className="filename">{file.name}</span> <span>{formatSize(file.size)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <button type="submit" disabled={busy}>
          Create
        </button>
      </form>
    </section>
  );
}
