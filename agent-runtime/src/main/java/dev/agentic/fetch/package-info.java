/**
 * Published tasks brought into a local cache: a suite manifest's {@code sources} (a git repository at a
 * pinned commit holding Terminal-Bench or Harbor task folders, a Hugging Face dataset file at a pinned
 * revision holding SWE-bench instances; either from a mirror or a local copy) and the container images
 * the tasks name. {@link FetchPlan} reads what a manifest asks for without network (the dry run's sizes
 * too); {@link Fetcher} fetches it, resumable and verified by commit id and checksum, one fetch at a time
 * per cache, through the environment's proxies; {@link TaskCache} is where it lands and how a suite finds
 * it afterwards, offline. A failed fetch says whether running it again may help ({@link FetchException}).
 *
 * <p>Not here: reading the tasks themselves (package {@code task}).
 */
package dev.agentic.fetch;
