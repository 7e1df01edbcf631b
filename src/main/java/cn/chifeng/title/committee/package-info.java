/**
 * The committee stage (EVA-1 … EVA-8, ELI-13, PUB-1, PUB-3 … PUB-5, SEA-5): evaluation sessions (process
 * {@code evaluation-session}) — plan and approval, the audited draw, experts' seats, blind review under pseudonyms,
 * the meeting and its anonymous vote, quotas, the result notice, postponements, confirmation and the export.
 */
package cn.chifeng.title.committee;
