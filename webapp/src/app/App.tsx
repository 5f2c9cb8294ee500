import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import { ForgotPasswordPage } from "../screens/auth/ForgotPasswordPage";
import { LogInPage } from "../screens/auth/LogInPage";
import { ResetPasswordPage } from "../screens/auth/ResetPasswordPage";
import { SignUpPage } from "../screens/auth/SignUpPage";
import { VerifyEmailPage } from "../screens/auth/VerifyEmailPage";
import { CreateDatasetPage } from "../screens/create/CreateDatasetPage";
import { DatasetPage } from "../screens/dataset/DatasetPage";
import { DatasetListPage } from "../screens/list/DatasetListPage";
import { NotFoundPage } from "../screens/notfound/NotFoundPage";
import { LinkPage } from "../screens/reviewer/LinkPage";
import { TeamsPage } from "../screens/teams/TeamsPage";
import { Layout } from "./Layout";

/** Older invitation emails link to /sign-up; keep their query (the invited address). */
function SignUpAlias() {
  const { search } = useLocation();
  return <Navigate to={`/signup${search}`} replace />;
}

/** Every page of the app; emails link to these paths, so they are fixed. */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<DatasetListPage />} />
        <Route path="signup" element={<SignUpPage />} />
        <Route path="sign-up" element={<SignUpAlias />} />
        <Route path="login" element={<LogInPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="datasets/new" element={<CreateDatasetPage />} />
        <Route path="datasets/:id" element={<DatasetPage />} />
        <Route path="l/:token" element={<LinkPage />} />
        <Route path="teams" element={<TeamsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
