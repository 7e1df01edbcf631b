/**
 * The portal's pages (docs/adr/0011): server-rendered Chinese pages for applicants, units' clerks and the public,
 * on the same services and rules as {@code /api}; never the engine's doors.
 */
package cn.chifeng.title.portal;
