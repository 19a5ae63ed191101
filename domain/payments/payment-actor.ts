/** Who does a payment action, for the rules (a second person approves) and the audit log. */
export interface PaymentActor {
  login: string;
  /** The client's address as the API saw it. */
  address: string | null;
}
