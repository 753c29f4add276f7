"""`jdcloud-preflight server`: a language server (pygls, the optional `[server]` extra) that checks request
documents as they are edited, with the pipeline the command line uses. See docs/editors.md."""
