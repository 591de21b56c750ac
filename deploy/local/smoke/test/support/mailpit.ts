import { stack } from '@portfolioos/testing';

export interface MailpitMessage {
  ID: string;
  From: { Address: string; Name: string };
  To: { Address: string; Name: string }[];
  Subject: string;
  Text: string;
  HTML: string;
}

/** Waits until mailpit holds a message to `address`, then returns it in full (GET /api/v1/message/{ID}). */
export async function awaitMessageTo(address: string, timeoutMs = 10_000): Promise<MailpitMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const search = await fetch(
      `${stack.mailpitUrl}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}`,
    );
    if (!search.ok) throw new Error(`mailpit search: ${search.status} ${await search.text()}`);
    const { messages } = (await search.json()) as { messages: { ID: string }[] };
    if (messages[0])
      return (await (
        await fetch(`${stack.mailpitUrl}/api/v1/message/${messages[0].ID}`)
      ).json()) as MailpitMessage;
    if (Date.now() > deadline) throw new Error(`no message to ${address} in mailpit after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How many messages to `address` mailpit holds. */
export async function countMessagesTo(address: string): Promise<number> {
  const search = await fetch(
    `${stack.mailpitUrl}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}`,
  );
  return ((await search.json()) as { messages_count: number }).messages_count;
}
