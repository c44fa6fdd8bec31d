import type { FC } from "hono/jsx";
import type { PhotoView } from "../../catalog";
import { onThisSite } from "./listing-fields";
import { CsrfField, FieldError, Notice } from "./parts";

/** The listing's photos in the order buyers see them, moved, deleted and added here. */

interface PhotosProps {
  listingId: string;
  title: string;
  photos: PhotoView[];
  token: string;
  error?: string;
  notice?: string;
}

interface ActionProps {
  action: string;
  label: string;
  id: string;
  hidden: string;
  token: string;
  danger?: boolean;
}

const PhotoAction: FC<ActionProps> = ({ action, label, id, hidden, token, danger }) => (
  <form method="post" action={action} hx-post={action} hx-target="#photos" hx-swap="outerHTML">
    <CsrfField token={token} />
    <button type="submit" id={id} class={danger ? "danger" : "secondary"}>
      {label}
      <span class="visually-hidden">{` ${hidden}`}</span>
    </button>
  </form>
);

export const ListingPhotos: FC<PhotosProps> = ({ listingId, title, photos, token, error, notice }) => {
  const base = `/console/listings/${listingId}/photos`;
  return (
    <section id="photos" class="panel" aria-labelledby="photos-title">
      <h2 id="photos-title">Photos</h2>
      {notice && <Notice kind="ok">{notice}</Notice>}
      {photos.length === 0 ? (
        <p class="muted">No photos yet. Buyers trust a second-hand copy they can see.</p>
      ) : (
        <ol class="photos">
          {photos.map((photo, index) => {
            const which = `photo ${index + 1}`;
            return (
              <li>
                <img src={onThisSite(photo.url)} alt={`${title}, view ${index + 1} of ${photos.length}`} />
                <div class="photo-actions">
                  {index > 0 && (
                    <PhotoAction
                      action={`${base}/${photo.id}/up`}
                      label="Move up"
                      id={`up-${photo.id}`}
                      hidden={which}
                      token={token}
                    />
                  )}
                  {index < photos.length - 1 && (
                    <PhotoAction
                      action={`${base}/${photo.id}/down`}
                      label="Move down"
                      id={`down-${photo.id}`}
                      hidden={which}
                      token={token}
                    />
                  )}
                  <PhotoAction
                    action={`${base}/${photo.id}/delete`}
                    label="Delete"
                    id={`delete-${photo.id}`}
                    hidden={which}
                    token={token}
                    danger
                  />
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <form method="post" action={base} enctype="multipart/form-data">
        <CsrfField token={token} />
        <PhotoInput error={error} />
        <div class="actions">
          <button type="submit">Upload the photo</button>
        </div>
      </form>
    </section>
  );
};

/** A photo file input whose chosen image is previewed before it is sent (console.js; CSP allows blob: images). */
export const PhotoInput: FC<{ error?: string; optional?: boolean }> = ({ error, optional }) => (
  <div>
    <label for="field-photo">{optional ? "A photo of your copy (optional)" : "Add a photo"}</label>
    <span class="field-hint" id="field-photo-hint">
      JPEG, PNG or WebP, at most 5 MB; up to 12 photos a listing.
    </span>
    <input
      id="field-photo"
      type="file"
      name="photo"
      accept="image/jpeg,image/png,image/webp"
      data-preview="photo-preview"
      required={!optional}
      aria-invalid={error ? "true" : undefined}
      aria-describedby={error ? "field-photo-hint field-photo-error" : "field-photo-hint"}
    />
    <img id="photo-preview" class="preview" hidden alt="The chosen file, before it is uploaded" />
    <FieldError id="field-photo-error" error={error} />
  </div>
);
