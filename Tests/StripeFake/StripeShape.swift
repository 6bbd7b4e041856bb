public import DynamicJSON

/// Stripe's example objects (from the fixtures published with its OpenAPI specification, stripe/stripe-mock,
/// MIT), with every field present, so that the fake answers with Stripe's real shapes.
public enum StripeShape: String, Sendable, CaseIterable {
    /// A `customer` object.
    case customer
    /// A `deleted_customer` object.
    case deletedCustomer = "deleted_customer"
    /// A `payment_intent` object.
    case paymentIntent = "payment_intent"
    /// A `charge` object.
    case charge
    /// A `refund` object.
    case refund
    /// A `price` object.
    case price
    /// A `product` object.
    case product
    /// A `payment_link` object.
    case paymentLink = "payment_link"

    /// The example object, with `overrides` replacing its members.
    public func json(_ overrides: [String: JSONValue] = [:]) -> JSONValue {
        (Self.parsedTemplates[self] ?? .object([:])).merging(overrides)
    }

    /// Parsed once; the literals below are valid JSON, so a parse failure would be a typo that every fake test
    /// would catch at once.
    private static let parsedTemplates: [StripeShape: JSONValue] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0, (try? JSONCodec.parse($0.template)) ?? .object([:])) })

    private var template: String {
        switch self {
        case .customer: Self.customerTemplate
        case .deletedCustomer: Self.deletedCustomerTemplate
        case .paymentIntent: Self.paymentIntentTemplate
        case .charge: Self.chargeTemplate
        case .refund: Self.refundTemplate
        case .price: Self.priceTemplate
        case .product: Self.productTemplate
        case .paymentLink: Self.paymentLinkTemplate
        }
    }

    private static let customerTemplate = #"""
        {
          "address": {
            "city": null,
            "country": null,
            "line1": null,
            "line2": null,
            "postal_code": null,
            "state": null
          },
          "balance": 0,
          "created": 1234567890,
          "currency": "usd",
          "default_source": null,
          "delinquent": false,
          "description": null,
          "discount": {
            "checkout_session": null,
            "customer": null,
            "end": null,
            "id": "obj_123",
            "invoice": null,
            "invoice_item": null,
            "object": "discount",
            "promotion_code": null,
            "source": {
              "coupon": null,
              "type": "coupon"
            },
            "start": 109757538,
            "subscription": null,
            "subscription_item": null
          },
          "email": null,
          "id": "cus_QXg1o8vcGmoR32",
          "invoice_prefix": "7FE1103",
          "invoice_settings": {
            "custom_fields": null,
            "default_payment_method": null,
            "footer": null,
            "rendering_options": {
              "amount_tax_display": null,
              "template": null
            }
          },
          "livemode": false,
          "metadata": {},
          "name": null,
          "next_invoice_sequence": 1,
          "object": "customer",
          "phone": null,
          "preferred_locales": [],
          "shipping": {},
          "tax_exempt": "none",
          "test_clock": null
        }
        """#

    private static let deletedCustomerTemplate = #"""
        {
          "deleted": true,
          "id": "cus_QXg1o8vcGmoR32",
          "object": "customer"
        }
        """#

    private static let paymentIntentTemplate = #"""
        {
          "amount": 1099,
          "amount_capturable": 0,
          "amount_details": {
            "tip": {}
          },
          "amount_received": 0,
          "application": null,
          "application_fee_amount": null,
          "automatic_payment_methods": {
            "enabled": true
          },
          "canceled_at": 1234567890,
          "cancellation_reason": null,
          "capture_method": "automatic",
          "client_secret": "pi_1PgafyB7WZ01zgkWSjxsAJo3_secret_Dm43xiq1k0ywrRRjDoi8y1gkM",
          "confirmation_method": "automatic",
          "created": 1234567890,
          "currency": "usd",
          "customer": null,
          "description": null,
          "excluded_payment_method_types": null,
          "id": "pi_1PgafyB7WZ01zgkWSjxsAJo3",
          "last_payment_error": {
            "type": "idempotency_error"
          },
          "latest_charge": null,
          "livemode": false,
          "metadata": {},
          "next_action": {
            "type": "type"
          },
          "object": "payment_intent",
          "on_behalf_of": null,
          "payment_method": null,
          "payment_method_configuration_details": {
            "id": "obj_123",
            "parent": null
          },
          "payment_method_options": {},
          "payment_method_types": [
            "card"
          ],
          "processing": {
            "type": "card"
          },
          "receipt_email": null,
          "review": null,
          "setup_future_usage": null,
          "shipping": {},
          "source": null,
          "statement_descriptor": null,
          "statement_descriptor_suffix": null,
          "status": "requires_payment_method",
          "transfer_data": {
            "destination": {
              "id": "obj_123",
              "object": "account"
            }
          },
          "transfer_group": null
        }
        """#

    private static let chargeTemplate = #"""
        {
          "amount": 100,
          "amount_captured": 0,
          "amount_refunded": 0,
          "application": null,
          "application_fee": null,
          "application_fee_amount": null,
          "balance_transaction": "txn_1PgaxNB7WZ01zgkWEV3TLf40",
          "billing_details": {
            "address": {
              "city": null,
              "country": null,
              "line1": null,
              "line2": null,
              "postal_code": null,
              "state": null
            },
            "email": null,
            "name": "Jenny Rosen",
            "phone": null,
            "tax_id": null
          },
          "calculated_statement_descriptor": null,
          "captured": false,
          "created": 1234567890,
          "currency": "usd",
          "customer": null,
          "description": "My First Test Charge (created for API docs)",
          "disputed": false,
          "failure_balance_transaction": null,
          "failure_code": null,
          "failure_message": null,
          "fraud_details": {},
          "id": "ch_1PgafuB7WZ01zgkWXYmPNZs8",
          "livemode": false,
          "metadata": {},
          "object": "charge",
          "on_behalf_of": null,
          "outcome": {
            "advice_code": null,
            "network_advice_code": null,
            "network_decline_code": null,
            "network_status": null,
            "reason": null,
            "seller_message": null,
            "type": "type"
          },
          "paid": true,
          "payment_intent": null,
          "payment_method": "card_1PgaftB7WZ01zgkWm3waTcFp",
          "payment_method_details": {
            "card": {
              "amount_authorized": null,
              "authorization_code": null,
              "brand": "visa",
              "checks": {
                "address_line1_check": null,
                "address_postal_code_check": null,
                "cvc_check": "pass"
              },
              "country": "US",
              "exp_month": 8,
              "exp_year": 2030,
              "extended_authorization": {
                "status": "disabled"
              },
              "fingerprint": "AOB934RVNwzk6xtn",
              "funding": "credit",
              "incremental_authorization": {
                "status": "unavailable"
              },
              "installments": {
                "plan": {
                  "count": null,
                  "interval": null,
                  "type": "fixed_count"
                }
              },
              "last4": "4242",
              "mandate": null,
              "multicapture": {
                "status": "unavailable"
              },
              "network": "visa",
              "network_token": {
                "used": false
              },
              "network_transaction_id": null,
              "overcapture": {
                "maximum_amount_capturable": 100,
                "status": "unavailable"
              },
              "regulated_status": null,
              "three_d_secure": {
                "authentication_flow": null,
                "electronic_commerce_indicator": null,
                "exemption_indicator": null,
                "result": null,
                "result_reason": null,
                "transaction_id": null,
                "version": null
              },
              "wallet": {
                "dynamic_last4": null,
                "type": "link"
              }
            },
            "type": "card"
          },
          "receipt_email": null,
          "receipt_number": null,
          "receipt_url": "https://sangeekp-15t6ai--manage-mydev.dev.stripe.me/receipts/payment/CAcaFwoVYWNjdF8xUGdhZlRCN1daMDF6Z2tXKI_ei7UGMgZv2S_KfiY6LCJrxC7awazgQA9I88krZKw5uuCkZ5Nup2tomEtAbSpdfzjVZHO3ZYP5KFZP",
          "refunded": false,
          "refunds": {
            "data": [],
            "has_more": false,
            "object": "list",
            "url": "/v1/charges/ch_1PgafuB7WZ01zgkWXYmPNZs8/refunds"
          },
          "review": null,
          "shipping": {},
          "source": {
            "allow_redisplay": null,
            "amount": null,
            "client_secret": "client_secret",
            "created": 1028554472,
            "currency": null,
            "flow": "flow",
            "id": "obj_123",
            "livemode": true,
            "metadata": null,
            "object": "source",
            "owner": {
              "address": {
                "city": null,
                "country": null,
                "line1": null,
                "line2": null,
                "postal_code": null,
                "state": null
              },
              "email": null,
              "name": null,
              "phone": null,
              "verified_address": {
                "city": null,
                "country": null,
                "line1": null,
                "line2": null,
                "postal_code": null,
                "state": null
              },
              "verified_email": null,
              "verified_name": null,
              "verified_phone": null
            },
            "statement_descriptor": null,
            "status": "status",
            "type": "ach_credit_transfer",
            "usage": null
          },
          "source_transfer": null,
          "statement_descriptor": null,
          "statement_descriptor_suffix": null,
          "status": "succeeded",
          "transfer_data": {
            "amount": null,
            "destination": {
              "id": "obj_123",
              "object": "account"
            }
          },
          "transfer_group": null
        }
        """#

    private static let refundTemplate = #"""
        {
          "amount": 100,
          "balance_transaction": null,
          "charge": "ch_1PgafuB7WZ01zgkWXYmPNZs8",
          "created": 1234567890,
          "currency": "usd",
          "destination_details": {
            "card": {
              "type": "reversal"
            },
            "type": "card"
          },
          "id": "re_1Pgc72B7WZ01zgkWqPvrRrPE",
          "metadata": {},
          "object": "refund",
          "payment_intent": null,
          "reason": null,
          "receipt_number": null,
          "source_transfer_reversal": null,
          "status": "succeeded",
          "transfer_reversal": null
        }
        """#

    private static let priceTemplate = #"""
        {
          "active": true,
          "billing_scheme": "per_unit",
          "created": 1234567890,
          "currency": "usd",
          "custom_unit_amount": {
            "maximum": null,
            "minimum": null,
            "preset": null
          },
          "id": "price_1PgafmB7WZ01zgkW6dKueIc5",
          "livemode": false,
          "lookup_key": null,
          "metadata": {},
          "nickname": null,
          "object": "price",
          "product": "prod_QXg1hqf4jFNsqG",
          "recurring": {
            "interval": "month",
            "interval_count": 1,
            "meter": null,
            "trial_period_days": null,
            "usage_type": "licensed"
          },
          "tax_behavior": "unspecified",
          "tiers_mode": null,
          "transform_quantity": {
            "divide_by": 1592560163,
            "round": "down"
          },
          "type": "recurring",
          "unit_amount": 2000,
          "unit_amount_decimal": "2000"
        }
        """#

    private static let productTemplate = #"""
        {
          "active": true,
          "created": 1234567890,
          "default_price": "price_1PgafmB7WZ01zgkW02Hf9z6c",
          "description": "Comfortable gray cotton t-shirt",
          "id": "prod_QXg1hqf4jFNsqG",
          "images": [],
          "livemode": false,
          "marketing_features": [],
          "metadata": {},
          "name": "T-shirt",
          "object": "product",
          "package_dimensions": {
            "height": 1221029593,
            "length": 1106363674,
            "weight": 791592328,
            "width": 113126854
          },
          "shippable": null,
          "statement_descriptor": null,
          "tax_code": null,
          "type": "good",
          "unit_label": null,
          "updated": 1234567890,
          "url": null
        }
        """#

    private static let paymentLinkTemplate = #"""
        {
          "active": true,
          "after_completion": {
            "hosted_confirmation": {
              "custom_message": null
            },
            "type": "hosted_confirmation"
          },
          "allow_promotion_codes": false,
          "application": null,
          "application_fee_amount": null,
          "application_fee_percent": null,
          "automatic_tax": {
            "enabled": false,
            "liability": {
              "type": "account"
            }
          },
          "billing_address_collection": "auto",
          "consent_collection": {
            "payment_method_reuse_agreement": {
              "position": "hidden"
            },
            "promotions": null,
            "terms_of_service": null
          },
          "currency": "usd",
          "custom_fields": [],
          "custom_text": {
            "after_submit": {
              "message": "message"
            },
            "shipping_address": {
              "message": "message"
            },
            "submit": {
              "message": "message"
            },
            "terms_of_service_acceptance": {
              "message": "message"
            }
          },
          "customer_creation": "if_required",
          "id": "plink_1Pgc78B7WZ01zgkWC75kX0jg",
          "inactive_message": null,
          "invoice_creation": {
            "enabled": true,
            "invoice_data": {
              "account_tax_ids": null,
              "custom_fields": null,
              "description": null,
              "footer": null,
              "issuer": {
                "type": "account"
              },
              "metadata": null,
              "rendering_options": {
                "amount_tax_display": null,
                "template": null
              }
            }
          },
          "livemode": false,
          "metadata": {},
          "object": "payment_link",
          "on_behalf_of": null,
          "payment_intent_data": {
            "capture_method": null,
            "description": null,
            "metadata": {
              "undefined": "metadata"
            },
            "setup_future_usage": null,
            "statement_descriptor": null,
            "statement_descriptor_suffix": null,
            "transfer_group": null
          },
          "payment_method_collection": "if_required",
          "payment_method_types": null,
          "phone_number_collection": {
            "enabled": false
          },
          "restrictions": {
            "completed_sessions": {
              "count": 94851343,
              "limit": 102976443
            }
          },
          "shipping_address_collection": {
            "allowed_countries": [
              "SC"
            ]
          },
          "shipping_options": [],
          "submit_type": "auto",
          "subscription_data": {
            "description": null,
            "invoice_settings": {
              "issuer": {
                "type": "account"
              }
            },
            "metadata": {
              "undefined": "metadata"
            },
            "trial_period_days": null,
            "trial_settings": {
              "end_behavior": {
                "missing_payment_method": "cancel"
              }
            }
          },
          "tax_id_collection": {
            "enabled": false,
            "required": "never"
          },
          "transfer_data": {
            "amount": null,
            "destination": {
              "id": "obj_123",
              "object": "account"
            }
          },
          "url": "https://sangeekp-15t6ai--payment_links_ingress-mydev.dev.stripe.me/test_eVa16Q1Vd7yU1Ne8ww"
        }
        """#
}
