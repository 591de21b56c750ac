import { PROBLEM_BASE_URI } from '@portfolioos/service-kit';

/** What a client's request over the socket gets back in its acknowledgement: a result or a problem. */
export type SocketReply<T> = { ok: true; result: T } | { ok: false; problem: SocketProblem };

/** RFC 9457's fields, as socket.io carries them (there is no HTTP status line to put them in). */
export interface SocketProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
}

/** A problem with a stable type under the platform's problem base URI. */
export function socketProblem(slug: string, status: number, title: string, detail: string): SocketProblem {
  return { type: PROBLEM_BASE_URI + slug, title, status, detail };
}

/** Calls `ack` if the client asked for one (a function is the only thing socket.io passes as ack). */
export function reply<T>(ack: unknown, answer: SocketReply<T>): void {
  if (typeof ack === 'function') (ack as (answer: SocketReply<T>) => void)(answer);
}
