import type { FC } from "hono/jsx";
import { CsrfField, Field, FormMessage, type FormState, Notice } from "./parts";

/** What a shop is known by: the fields of opening one and of its profile. */
export const StoreFields: FC<{ form: FormState }> = ({ form }) => (
  <>
    <Field form={form} name="storeName" label="Store name" hint="Buyers see it on your offers and orders." required />
    <Field form={form} name="contactEmail" label="Contact email" type="email" autocomplete="email" required />
    <Field
      form={form}
      name="shipsFrom"
      label="Ships from"
      hint="The country as a two-letter code, such as DE or FR. Domestic shipping rates apply there."
      autocomplete="country"
      required
    />
  </>
);

interface ProfileProps {
  form: FormState;
  token: string;
  saved?: boolean;
}

/** The profile form; htmx swaps the whole editor with the answer (saved, or refused with the fields' errors). */
export const ProfileEditor: FC<ProfileProps> = ({ form, token, saved }) => (
  <div id="profile-editor">
    {saved && <Notice kind="ok">Your store profile is saved.</Notice>}
    <FormMessage form={form} />
    <form
      method="post"
      action="/console/profile"
      hx-post="/console/profile"
      hx-target="#profile-editor"
      hx-swap="outerHTML"
      novalidate
    >
      <CsrfField token={token} />
      <StoreFields form={form} />
      <div class="actions">
        <button type="submit">Save profile</button>
      </div>
    </form>
  </div>
);

export const ProfilePage: FC<ProfileProps> = (props) => (
  <section aria-labelledby="profile-title">
    <h1 id="profile-title">Store profile</h1>
    <ProfileEditor {...props} />
  </section>
);
