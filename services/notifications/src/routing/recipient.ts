/** Someone a notification goes to, as the directory knows them when the event arrives. */
export interface Recipient {
  /** The user id, or the lower-cased e-mail of someone without an account in the organization. */
  key: string;
  userId: string | null;
  email: string | null;
  phone: string | null;
  name: string | null;
  locale: string | null;
}

/** A recipient known only by an address from the event (an invitee, a signer without an account). */
export const addressOnly = (email: string, name: string | null = null): Recipient => ({
  key: email.toLowerCase(),
  userId: null,
  email: email.toLowerCase(),
  phone: null,
  name,
  locale: null,
});
