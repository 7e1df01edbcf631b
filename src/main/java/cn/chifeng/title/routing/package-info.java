/**
 * Routing (REV-5): which bodies review an application and in what order. The route table and the
 * committee seat are DMN decisions (`review-route`, `committee-assignment`); this package evaluates
 * them and resolves each stage to the Camunda group of the responsible body.
 */
package cn.chifeng.title.routing;
