// Placeholder: replaced by the orders store.
