"""What the dashboard shows, as pure functions: the chart, the filters, escaped article markup."""
