// stripe-mock through the real `stripe` SDK, configured the way the payments service will be: same client,
// only host/port/protocol pointed at the stand-in. stripe-mock is stateless and sends no webhooks, so the
// webhook part signs its own event and checks it exactly as the service's webhook route will.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Stripe from 'stripe';
import { stack } from '@portfolioos/testing';

const mock = new URL(stack.stripeMockUrl);
// stripe-mock accepts any key shaped like a test key: sk_test_ and letters/digits only.
const stripe = new Stripe('sk_test_portfolioosSmoke', {
  host: mock.hostname,
  port: Number(mock.port),
  protocol: mock.protocol === 'https:' ? 'https' : 'http',
  maxNetworkRetries: 0,
});
const webhookSecret = 'whsec_portfolioos_smoke';

describe('stripe-mock through the stripe SDK', () => {
  test('creates a customer and a PaymentIntent for them', async () => {
    const customer = await stripe.customers.create({ email: 'tenant@example.com', name: 'Tess Tenant' });
    assert.equal(customer.object, 'customer');
    assert.match(customer.id, /^cus_/);

    const intent = await stripe.paymentIntents.create({
      amount: 125_000,
      currency: 'eur',
      customer: customer.id,
      automatic_payment_methods: { enabled: true },
      metadata: { leaseId: 'lease_123', period: '2026-12' },
    });
    assert.equal(intent.object, 'payment_intent');
    assert.match(intent.id, /^pi_/);
    assert.equal(intent.amount, 125_000);
    assert.equal(intent.currency, 'eur');
  });

  test('requests Stripe would refuse are refused (stripe-mock validates against the API spec)', async () => {
    await assert.rejects(
      stripe.paymentIntents.create({ amount: 'lots' as unknown as number, currency: 'eur' }),
      (error: unknown) =>
        error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 400,
    );
  });

  test('a webhook signed with the endpoint secret is accepted; a forged or altered one is not', () => {
    const payload = JSON.stringify({
      id: 'evt_smoke_1',
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: { id: 'pi_smoke_1', object: 'payment_intent', amount: 125_000, currency: 'eur' } },
    });
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
    const event = stripe.webhooks.constructEvent(payload, header, webhookSecret);
    assert.equal(event.type, 'payment_intent.succeeded');
    assert.equal(event.id, 'evt_smoke_1');

    const isSignatureError = (error: unknown) =>
      error instanceof Stripe.errors.StripeSignatureVerificationError;
    const forged = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_someone_else' });
    assert.throws(() => stripe.webhooks.constructEvent(payload, forged, webhookSecret), isSignatureError);
    const altered = payload.replace('125000', '1');
    assert.throws(() => stripe.webhooks.constructEvent(altered, header, webhookSecret), isSignatureError);
    // A correctly signed but replayed event outside the tolerance window is refused too.
    const old = stripe.webhooks.generateTestHeaderString({
      payload,
      secret: webhookSecret,
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    assert.throws(() => stripe.webhooks.constructEvent(payload, old, webhookSecret, 300), isSignatureError);
  });
});
