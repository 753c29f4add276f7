"""Organisation policies (P01-P08): rules a team adds on top of the API's own, configured under
`[tool.jdcloud-preflight.policy]`. Each runs only when its setting is present; findings carry no API error."""

COLLECTED_WITH = "policy"
