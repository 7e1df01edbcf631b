/**
 * FEEL for the DMN engine: the engine's Scala FEEL integration with a cache of parsed expressions, so that a
 * decision's FEEL is parsed once per distinct text instead of on every evaluation (camunda/feel-scala#1149).
 */
package cn.chifeng.title.feel;
