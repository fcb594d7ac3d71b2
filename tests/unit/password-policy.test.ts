import { describe, expect, it } from "vitest";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { ESTIMATED_LENGTH, passwordWeakness } from "@/lib/auth/password-weakness";
import { registerSchema } from "@/lib/validations/auth";
import {
  COMMON_PASSWORD_MESSAGE,
  CONTEXT_WORD_MESSAGE,
  newPasswordFieldFor,
  type PasswordPolicy,
} from "@/lib/validations/password-policy";
import { contextWords } from "@/lib/validations/password-context";
import { passwordStrength } from "@/lib/validations/password-strength";
import { message, readMessage } from "@/lib/i18n/message";

const server: PasswordPolicy = { minLength: 15, weakness: passwordWeakness };
const browser: PasswordPolicy = { minLength: 15 };
const field = newPasswordFieldFor(server);
const problem = (password: string, policy: PasswordPolicy = server) =>
  newPasswordFieldFor(policy)
    .safeParse(password)
    .error?.issues.map((issue) => issue.message);
/** The zxcvbn warning a "validation.passwordGuessable" message names. */
const warningOf = (text: string | null | undefined) =>
  text && readMessage(text).key === "validation.passwordGuessable" ? readMessage(text).values?.warning : text;
const atLeast = (min: number) => message("validation.passwordMinLength", { min });

// 256 characters, none of them repeated in a guessable way.
const LONG_PASSPHRASE = [
  "velvet otters juggle turnips while a brass kettle hums sea shanties;",
  "seven crooked lighthouses argue about marmalade under a violet moon,",
  "and the postman's parrot recites tide tables backwards",
  "until dawn, wearing one rubber boot & a monocle made of ice...",
]
  .join(" ")
  .padEnd(256, ".");

const form = (password: string, extra: Record<string, string> = {}) => ({
  name: "Ada Lovelace",
  email: "ada.lovelace@example.com",
  password,
  confirmPassword: password,
  ...extra,
});

describe("password length", () => {
  it("refuses 14 characters and accepts 15 by default", () => {
    expect(problem("a7#kq0-zvp3m!rt")).toBeUndefined(); // 15
    expect(problem("a7#kq0-zvp3m!r")).toEqual([atLeast(15)]); // 14
  });

  it("counts code points, not UTF-16 units: 8 emoji are 8 characters", () => {
    const emoji = "🔑🦊🌍🎲🧩🚲🍋🎈";
    expect(emoji.length).toBe(16);
    expect(problem(emoji)).toEqual([atLeast(15)]);
    expect(problem(emoji, { minLength: 8 })).toBeUndefined();
    expect(problem("🔑🦊🌍🎲🧩🚲🍋", { minLength: 8 })).toEqual([atLeast(8)]);
  });

  it("accepts any script, up to 256 characters", () => {
    expect(field.safeParse("пароль-из-кириллицы-и-знаков").success).toBe(true);
    expect(field.safeParse("パスワードは長いほうが安全です").success).toBe(true);
    expect(field.safeParse("€ for the ferry, ¥ for the noodles, £ for a pint").success).toBe(true);
    expect(field.safeParse(LONG_PASSPHRASE).success).toBe(true);
    expect(problem(`${LONG_PASSPHRASE}!`)).toEqual([message("validation.passwordMaxLength", { max: 256 })]);
  });

  it("counts 64 euro signs as 64 characters, which the server refuses as a repeat", () => {
    expect(problem("€".repeat(64), browser)).toBeUndefined();
    expect(problem("€".repeat(64))?.map(warningOf)).toEqual(["simpleRepeat"]);
  });

  it("counts the NFC and NFD forms of one password alike", () => {
    const nfc = "crème brûlée à la fête".normalize("NFC");
    const nfd = nfc.normalize("NFD");
    expect(nfd.length).toBeGreaterThan(nfc.length);
    expect(field.safeParse(nfc).success).toBe(true);
    expect(field.safeParse(nfd).success).toBe(true);
    // 14 accented characters are 14, however many code units their NFD form takes.
    const short = "éèêëéèêëéèêëéè".normalize("NFD");
    expect(short.length).toBe(28);
    expect(problem(short)).toEqual([atLeast(15)]);
  });

  it("never allows a minimum below 8", () => {
    expect(problem("abc1234", { minLength: 4 })).toEqual([atLeast(8)]);
  });

  it("has no composition rules", () => {
    expect(field.safeParse("all lower case words here").success).toBe(true);
  });
});

describe("common passwords", () => {
  it("knows the 10,000 most common, in any letter case, and not the rest", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("PassWord")).toBe(true);
    expect(isCommonPassword("mailcreated5240")).toBe(true); // one of the few of 15+ characters
    expect(isCommonPassword("correct horse battery staple")).toBe(false);
  });

  it("refuses them with the reason", () => {
    expect(problem("mailcreated5240")).toEqual([COMMON_PASSWORD_MESSAGE]);
    expect(problem("Password1", { ...server, minLength: 8 })).toEqual([COMMON_PASSWORD_MESSAGE]);
    expect(problem("Basketball", { ...server, minLength: 8 })).toEqual([COMMON_PASSWORD_MESSAGE]);
  });

  it("is not checked where the list is not given (the browser)", () => {
    expect(problem("mailcreated5240", browser)).toBeUndefined();
  });
});

describe("guessable passwords (zxcvbn, on the server)", () => {
  const refused: [string, string][] = [
    ["passwordpassword", "extendedRepeat"],
    ["iloveyouiloveyou", "extendedRepeat"],
    ["aaaaaaaaaaaaaaa", "simpleRepeat"],
    ["abcdefghijklmnop", "sequences"],
    ["qwertyuiop12345", "similarToCommon"],
    ["123456789012345", "similarToCommon"],
    ["1q2w3e4r5t6y7u8i", "similarToCommon"],
    ["P@ssw0rdP@ssw0rd", "extendedRepeat"],
    ["Summer2026Summer2026", "extendedRepeat"],
  ];

  it("refuses what a guesser tries first at 15 characters and more, with zxcvbn's reason", () => {
    for (const [password, reason] of refused) {
      const messages = problem(password);
      expect(messages?.map(warningOf), password).toEqual([reason]);
      expect(messages?.[0], password).not.toContain(password); // never echoes the password
    }
  });

  it("accepts long, unusual passphrases and random passwords", () => {
    for (const password of [
      "correct horse battery staple",
      "the current password",
      "a long and unusual passphrase",
      "a brand new password for me",
      "all lower case words here",
      "a moth in relay seventy",
      "adamant example glove 42",
      "a7#kq0-zvp3m!rt",
      "crème brûlée à la fête",
    ]) {
      expect(problem(password), password).toBeUndefined();
    }
  });

  it("gives zxcvbn the context words: the user's name, even spelt in l33t, is refused", () => {
    const policy = { ...server, context: ["grace@example.com", "Grace Hopper"] };
    expect(problem("hopperhopper2026", policy)).toEqual([CONTEXT_WORD_MESSAGE]); // contains it
    expect(problem("grac3 h0pp3r 1906", policy)).toEqual([CONTEXT_WORD_MESSAGE]); // zxcvbn's user inputs
    expect(problem("grac3 h0pp3r 1906")).toBeUndefined(); // someone else's name
    expect(warningOf(passwordWeakness("hopperhopper2026"))).toBe("extendedRepeat");
  });

  it("estimates the first ESTIMATED_LENGTH characters: a guessable start is refused", () => {
    const strong = LONG_PASSPHRASE.slice(0, ESTIMATED_LENGTH);
    expect(problem(`${strong}${"a".repeat(100)}`)).toBeUndefined();
    expect(problem(`${"a".repeat(ESTIMATED_LENGTH)}${strong}`)?.map(warningOf)).toEqual(["simpleRepeat"]);
  });

  it("is not checked in the browser", () => {
    for (const [password] of refused) expect(problem(password, browser), password).toBeUndefined();
  });
});

describe("context words", () => {
  it("lists the product, the email, its local part, the name and their longer words", () => {
    expect(contextWords(["ada.lovelace@example.com", "Ada Lovelace"]).sort()).toEqual(
      ["ada lovelace", "ada.lovelace", "ada.lovelace@example.com", "latchkey", "lovelace"].sort(),
    );
  });

  it("refuses a password containing the email, its local part, the name or “latchkey”, in any case", () => {
    const schema = registerSchema(server);
    for (const password of [
      "ada.lovelace@example.com",
      "ADA.LOVELACE-is-my-password",
      "my name is ada lovelace",
      "lovelace lovelace lovelace",
      "Latchkey-password-2026",
      "mylatchkeyisasecret",
    ]) {
      const issues = schema.safeParse(form(password)).error?.issues ?? [];
      expect(issues, password).toEqual([
        expect.objectContaining({ path: ["password"], message: CONTEXT_WORD_MESSAGE }),
      ]);
    }
  });

  it("accepts passwords that only share short fragments or the domain", () => {
    const schema = registerSchema(server);
    expect(schema.safeParse(form("adamant example glove 42")).success).toBe(true);
  });

  it("checks a signed-in user's email and name given as the policy's context", () => {
    const policy = { ...server, context: ["grace@example.com", "Grace Hopper"] };
    expect(problem("hopper-and-the-moth-bug", policy)).toEqual([CONTEXT_WORD_MESSAGE]);
    expect(problem("a moth in relay seventy", policy)).toBeUndefined();
  });
});

describe("strength meter", () => {
  it("says in words how strong a password is", () => {
    expect(passwordStrength("", 15).label).toBe("");
    expect(passwordStrength("short", 15).label).toBe(
      message("validation.strength.tooShort", { length: 5, min: 15 }),
    );
    expect(passwordStrength("aaaaaaaaaaaaaaaaaaaa", 15).label).toBe(message("validation.strength.weak"));
    expect(passwordStrength("my latchkey password", 15).label).toBe(message("validation.strength.weak"));
    expect(passwordStrength("quiet harbor lamp", 15).label).toBe(message("validation.strength.fair"));
    expect(passwordStrength("correct horse battery staple", 15).label).toBe(
      message("validation.strength.strong"),
    );
  });
});

describe("the same rules at reset and change", () => {
  it("applies the policy's length, weakness check and the user's context", async () => {
    const { resetPasswordSchemaFor } = await import("@/lib/validations/account");
    const { changePasswordSchemaFor } = await import("@/lib/validations/settings");
    const reset = resetPasswordSchemaFor(server);
    const messages = (result: { error?: { issues: { message: string }[] } }) =>
      result.error?.issues.map((issue) => issue.message);
    const resetWith = (password: string) =>
      reset.safeParse({ token: "t", newPassword: password, confirmPassword: password });
    expect(messages(resetWith("a7#kq0-zvp3m!r"))).toEqual([atLeast(15)]);
    expect(messages(resetWith("mailcreated5240"))).toEqual([COMMON_PASSWORD_MESSAGE]);
    expect(messages(resetWith("passwordpassword"))).toEqual([passwordWeakness("passwordpassword")]);
    expect(resetWith(LONG_PASSPHRASE).success).toBe(true);

    const change = changePasswordSchemaFor({ ...server, context: ["grace@example.com", "Grace Hopper"] });
    const changeTo = (password: string) =>
      change.safeParse({ currentPassword: "old one", newPassword: password, confirmPassword: password });
    expect(messages(changeTo("grace-hopper-rules-1906"))).toEqual([CONTEXT_WORD_MESSAGE]);
    expect(messages(changeTo("latchkey latchkey latchkey"))).toEqual([CONTEXT_WORD_MESSAGE]);
    expect(messages(changeTo("grac3 h0pp3r 1906"))).toEqual([CONTEXT_WORD_MESSAGE]);
    expect(messages(changeTo("qwertyuiop12345"))).toEqual([passwordWeakness("qwertyuiop12345")]);
    expect(changeTo("a moth in relay seventy").success).toBe(true);
  });

  it("gives one reason, the same at registration as at reset and change", async () => {
    const { resetPasswordSchemaFor } = await import("@/lib/validations/account");
    const { changePasswordSchemaFor } = await import("@/lib/validations/settings");
    const user = { name: "Grace Hopper", email: "grace@example.com" };
    const withContext = { ...server, context: [user.email, user.name] };
    const reasons = (password: string) =>
      [
        registerSchema(server).safeParse({ ...user, password, confirmPassword: password }),
        resetPasswordSchemaFor(withContext).safeParse({
          token: "t",
          newPassword: password,
          confirmPassword: password,
        }),
        changePasswordSchemaFor(withContext).safeParse({
          currentPassword: "old one",
          newPassword: password,
          confirmPassword: password,
        }),
      ].map((result) => result.error?.issues.map((issue) => issue.message));
    for (const [password, reason] of [
      ["passwordpassword", passwordWeakness("passwordpassword")],
      ["1q2w3e4r5t6y7u8i", passwordWeakness("1q2w3e4r5t6y7u8i")],
      ["mailcreated5240", COMMON_PASSWORD_MESSAGE],
      // Weak and personal: the name is the reason given, on every form.
      ["hopperhopper2026", CONTEXT_WORD_MESSAGE],
      ["gracegracegrace1", CONTEXT_WORD_MESSAGE],
    ] as const) {
      expect(reasons(password), password).toEqual([[reason], [reason], [reason]]);
    }
    expect(reasons("a moth in relay seventy")).toEqual([undefined, undefined, undefined]);
  });

  it("registration scores the password with the name and email typed beside it", () => {
    const grace = { name: "Grace Hopper", email: "grace@example.com" };
    const parse = (password: string) =>
      registerSchema({ minLength: 15, weakness: passwordWeakness }).safeParse({
        ...grace,
        password,
        confirmPassword: password,
      });
    // A misspelt name is no secret: refused at registration as at reset and change.
    expect(parse("grac3 h0pp3r 1906").error?.issues.map((issue) => issue.message)).toEqual([
      expect.any(String),
    ]);
    expect(parse("a moth in relay seventy").success).toBe(true);
  });
});
