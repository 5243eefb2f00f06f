/**
 * Tools the model calls as functions: {@code bash}, {@code editor} (view, create, str_replace,
 * insert, undo_edit; a symbolic link is edited at its target and kept), {@code search} (find files,
 * grep) and {@code submit}. A {@link dev.agentic.tool.ToolPolicy} chooses the tool set, the per-call
 * timeout and how much of an observation the model sees (the head and tail, {@code Truncation}). Bad
 * arguments are {@link dev.agentic.tool.ToolArgumentException}s, which the loop turns into format errors;
 * failures of the work itself are error results.
 *
 * <p>Not here: the loop that calls them (package {@code agent}), the plan tool (package {@code planning}).
 */
package dev.agentic.tool;
