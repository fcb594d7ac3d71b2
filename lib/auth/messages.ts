/** The one answer to every failed sign-in: it must not reveal whether the email has an account. */
export const INVALID_CREDENTIALS = "Incorrect email or password.";
