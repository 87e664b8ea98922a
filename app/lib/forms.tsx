// Form plumbing the console's pages share: reading a posted form, placing each error at
// its field, and the markup that shows errors and confirmations. One copy, so every form
// reads, reports and focuses the same way.

import { useEffect, useRef } from "react";
import type { z } from "zod";

type Errors = Record<string, string | undefined>;

/** A posted form's text fields by name; these forms take no files. */
export function textFields(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string") fields[name] = value;
  return fields;
}

/** One text field of a posted form; "" when it is missing. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** The first problem with each field: later ones often restate it ("not an email" after "too long"). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

/** A refusal from the database side shows at the field it names, or above the form when it names none. */
export function placeError(error: { field: string | null; message: string }): { fieldErrors: Record<string, string>; formError: string | null } {
  return error.field ? { fieldErrors: { [error.field]: error.message }, formError: null } : { fieldErrors: {}, formError: error.message };
}

/** Ties the field with this id to its error for screen readers, and puts the cursor on it when it is the first in error. */
export function invalidProps(id: string, message: string | undefined, first: boolean, hintId?: string) {
  return {
    "aria-invalid": message ? true : undefined,
    "aria-describedby": [hintId, message ? `${id}-error` : undefined].filter(Boolean).join(" ") || undefined,
    autoFocus: message ? first : undefined,
  };
}

/**
 * Props for the named fields of one form: id (after `prefix`, when the page has several
 * forms), name, and the error wiring; the first field in `order` with an error takes the focus.
 */
export function fieldProps(prefix: string | null, errors: Errors, order: readonly string[] = Object.keys(errors)) {
  const first = order.find((f) => errors[f]);
  return (name: string, hintId?: string) => {
    const id = prefix ? `${prefix}-${name}` : name;
    return { id, name, ...invalidProps(id, errors[name], first === name, hintId) };
  };
}

/** With JavaScript the page is not reloaded after a failed submit, so `autoFocus` alone would not move the focus. */
export function useFocusOnFailure(failure: unknown) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (failure) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failure]);
  return form;
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

/** What stopped the form as a whole; read out as soon as it shows. */
export function FormError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

/** The confirmation of a change that went through. */
export function SuccessNotice({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="form-success" role="status">
      {message}
    </p>
  ) : null;
}
