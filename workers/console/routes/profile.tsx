import { type Context, Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { SellerProfilePatch, sellersContext, updateSellerProfile } from "../../sellers";
import { formFields, refusal } from "../forms";
import { csrfOf, isFragmentRequest, shopOf, shopPage } from "../render";
import { emptyForm, type FormState } from "../views/parts";
import { ProfileEditor, ProfilePage } from "../views/profile";

/** The profile page, or only its editor for htmx (a refused submit with the fields' errors). */
function answer(c: Context<AppEnv>, form: FormState, saved = false) {
  const props = { form, token: csrfOf(c), saved };
  const status = form.status ?? 200;
  if (isFragmentRequest(c)) return c.html(<ProfileEditor {...props} />, status);
  return shopPage(c, { title: "Store profile", status }, <ProfilePage {...props} />);
}

/** The seller's store name, contact email and ships-from country, changed with the API's rules. */
export const profileRoutes = new Hono<AppEnv>()
  .get("/profile", (c) => {
    // The shop's profile as the session middleware read it for this request: no second read.
    const profile = shopOf(c);
    const form = emptyForm({
      storeName: profile.storeName,
      contactEmail: profile.contactEmail,
      shipsFrom: profile.shipsFrom,
    });
    return answer(c, form, c.req.query("saved") !== undefined);
  })
  .post("/profile", async (c) => {
    const values = await formFields(c);
    const sent = {
      storeName: values.storeName ?? "",
      contactEmail: values.contactEmail ?? "",
      shipsFrom: values.shipsFrom ?? "",
    };
    try {
      await updateSellerProfile(sellersContext(c), shopOf(c).id, SellerProfilePatch.parse(sent));
      // A whole page load after saving, even from htmx: the store name in the top bar changes too.
      if (isFragmentRequest(c)) return c.body(null, 204, { "hx-redirect": "/console/profile?saved" });
      return c.redirect("/console/profile?saved", 303);
    } catch (error) {
      // A taken store name (409 in the API) is the form to fix, like any refused field: 422, which htmx swaps in.
      return answer(c, { ...refusal(sent, error), status: 422 });
    }
  });
