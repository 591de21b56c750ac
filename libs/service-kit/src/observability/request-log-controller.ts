import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { isSpanContextValid } from '@opentelemetry/api';

/**
 * Fastify's request logging, with the log label `request_id` and the request span's trace ids on the
 * "request completed" line, which Fastify writes outside the span's async context.
 */
export class RequestLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'request_id' });
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const fields = { res: reply, responseTime: reply.elapsedTime, ...spanIds(request) };
    if (error) reply.log.error({ ...fields, err: error }, 'request errored');
    else reply.log.info(fields, 'request completed');
  }
}

function spanIds(request: FastifyRequest): Record<string, string> {
  const otel = typeof request.opentelemetry === 'function' ? request.opentelemetry() : undefined;
  const context = otel?.span?.spanContext();
  return context && isSpanContextValid(context) ? { trace_id: context.traceId, span_id: context.spanId } : {};
}
