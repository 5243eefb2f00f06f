/**
 * Published tasks brought into a local cache: a suite manifest's {@code sources} (a git repository at a
 * pinned commit holding Terminal-Bench or Harbor task folders, a Hugging Face dataset file at a pinned
 * revision holding SWE-bench instances) and the container images the tasks name. {@link FetchPlan}
 * reads what a manifest asks for without network; {@link Fetcher} fetches it, resumable and verified;
 * {@link TaskCache} is where it lands and how a suite finds it afterwards, offline.
 */
package dev.agentic.fetch;
