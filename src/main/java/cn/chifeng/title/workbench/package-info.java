/**
 * The reviewers' workbench beside Tasklist ({@code /staff/**}, signed in by the webapps' session): an application's
 * readable page with its materials, opened from a task before it is claimed; on the same services and rules as
 * {@code /api}.
 */
package cn.chifeng.title.workbench;
