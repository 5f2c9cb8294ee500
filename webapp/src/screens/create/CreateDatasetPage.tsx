import { useApolloClient, useMutation } from "@apollo/client";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { forgetDatasetLists } from "../../app/apollo";
import { useViewer } from "../../app/session";
import { Field, FormErrors, TextAreaField } from "../../components/Field";
import { useForm } from "../../components/useForm";
import type { DatasetKind } from "../../gql/graphql";
import { FileUpload } from "../dataset/FileUpload";
import { CreateDatasetMutation } from "./operations";

interface Created {
  id: string;
  name: string;
  uploadUrl: string;
}

/** Create a dataset (private at first), then upload its file. */
export function CreateDatasetPage() {
  const [createDataset] = useMutation(CreateDatasetMutation);
  const client = useApolloClient();
  const navigate = useNavigate();
  const [created, setCreated] = useState<Created | null>(null);
  const { viewer, loading: viewerLoading } = useViewer();
  const { values, set, errors, busy, handleSubmit } = useForm({ name: "", description: "", kind: "IMAGE" }, ["name", "description", "kind"]);

  const onSubmit = handleSubmit(
    async ({ name, description, kind }) => {
      const { data } = await createDataset({ variables: { input: { name, description, kind: kind as DatasetKind } } });
      return data?.createDataset;
    },
    ({ dataset, uploadUrl }) => {
      // The lists now hold one more dataset.
      forgetDatasetLists(client.cache);
      if (dataset && uploadUrl) setCreated({ id: dataset.id, name: dataset.name, uploadUrl });
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
  if (created) {
    return (
      <section className="narrow">
        <h1>Upload the file of {created.name}</h1>
        <FileUpload uploadUrl={created.uploadUrl} onUploaded={() => navigate(`/datasets/${created.id}`)} />
        <p>
          <Link to={`/datasets/${created.id}`}>Upload later</Link>
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
        <button type="submit" disabled={busy}>
          Create
        </button>
      </form>
    </section>
  );
}
