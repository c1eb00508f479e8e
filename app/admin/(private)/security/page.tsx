import type { Metadata } from "next";
import { connection } from "next/server";
import { ActionButton } from "@/components/admin/action-button";
import { AddPasskey, NewRecoveryCodesForm } from "@/components/admin/passkey-registration";
import { When } from "@/components/admin/when";
import { listPasskeys } from "@/lib/admin/security";
import { newRecoveryCodesAction, passkeyRegistrationOptionsAction, registerPasskeyAction, removePasskeyAction } from "./actions";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  await connection();
  const { passkeys, unusedRecoveryCodes } = await listPasskeys();
  return (
    <>
      <h1>Security</h1>
      <p>
        A passkey makes the emailed link only half of signing in: after the link, this area asks for the passkey too, so
        someone who gets into your inbox still cannot get in here.
      </p>
      <h2>Passkeys</h2>
      {passkeys.length === 0 ? (
        <p>No passkey yet: the emailed link alone signs you in.</p>
      ) : (
        <ul className="passkey-list">
          {passkeys.map((passkey) => (
            <li key={passkey.id}>
              <strong>{passkey.name}</strong>, added <When at={passkey.createdAt} />
              {passkey.lastUsedAt ? (
                <>
                  , last used <When at={passkey.lastUsedAt} />
                </>
              ) : null}{" "}
              <ActionButton action={removePasskeyAction} fields={{ id: passkey.id }} label={`Remove the passkey ${passkey.name}`}>
                Remove
              </ActionButton>
            </li>
          ))}
        </ul>
      )}
      <AddPasskey
        optionsAction={passkeyRegistrationOptionsAction}
        registerAction={registerPasskeyAction}
        withoutScript={
          <p>
            <strong>Adding a passkey needs JavaScript, which is off in this browser.</strong> Removing one and making new recovery
            codes work without it.
          </p>
        }
      />
      {passkeys.length > 0 ? (
        <>
          <h2>Recovery codes</h2>
          <p>
            {unusedRecoveryCodes} unused recovery codes. Each one signs you in once in place of your passkey, if it is lost or
            not to hand.
          </p>
          <NewRecoveryCodesForm action={newRecoveryCodesAction} />
        </>
      ) : null}
    </>
  );
}
