/**
 * The standalone command line, {@code agentx}: {@code run} (the agent on one task, with a live
 * transcript and its grade), {@code bench} (a variant on a suite, into a results folder; the Maven goal
 * {@code agent:bench} runs this command in a child JVM, which stops when its parent ends),
 * {@code validate} (a suite's tasks under the reference agents), {@code fetch} (published tasks and their
 * images into the cache), the same use cases as the Maven goals over results folders ({@code compare},
 * {@code gate}, {@code promote}, {@code lineage}), {@code summary} (Markdown of a run or a comparison) and
 * {@code report} (the HTML report). Commands check their options ({@code Inputs}), call the runtime and
 * print, adding their own option names to the runtime's messages; they hold no logic of their own. A
 * failure is one line with an exit code by kind ({@code Failure}: 2 bad input, 3 sandbox, 75 a fetch that
 * may pass when run again, 70 unexpected; a stopped bench run has codes of its own);
 * {@code --debug} or {@code AGENTX_DEBUG=1} adds its stack trace.
 *
 * <p>The runtime's messages, in every package, name these commands' options and no Maven property or goal
 * ({@code resume with the same run id (agentx bench --variant kid --run-id r7)}): an option's value right after it,
 * an option named without one followed by punctuation or the end. The Maven plugin adds its properties to them.
 */
package dev.agentic.cli;
