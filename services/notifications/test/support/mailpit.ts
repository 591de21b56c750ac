import { stack } from '@portfolioos/testing';

export interface MailpitMessage {
  ID: string;
  From: { Address: string; Name: string };
  To: { Address: string; Name: string }[];
  Subject: string;
  Text: string;
  HTML: string;
}

const search = async (address: string) => {
  const response = await fetch(
    `${stack.mailpitUrl}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}`,
  );
  if (!response.ok) throw new Error(`mailpit search: ${response.status} ${await response.text()}`);
  return (await response.json()) as { messages: { ID: string }[]; messages_count: number };
};

/** Waits until mailpit holds a message to `address`, then returns it in full. */
export async function awaitMessageTo(address: string, timeoutMs = 15_000): Promise<MailpitMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { messages } = await search(address);
    if (messages[0])
      return (await (
        await fetch(`${stack.mailpitUrl}/api/v1/message/${messages[0].ID}`)
      ).json()) as MailpitMessage;
    if (Date.now() > deadline) throw new Error(`no message to ${address} in mailpit after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How many messages to `address` mailpit holds. */
export const countMessagesTo = async (address: string): Promise<number> =>
  (await search(address)).messages_count;
