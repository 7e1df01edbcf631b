/**
 * The audit of administrators' changes outside the engine (SUP-2): season dates, quotas, post quotas and the credit
 * archive — who, when, what was set. Engine changes (deployments, instances, variables) are in Camunda's history.
 */
package cn.chifeng.title.audit;
