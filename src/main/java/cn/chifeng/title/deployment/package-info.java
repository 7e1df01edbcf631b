/** Deploys the top-level `processes/`, `dmn/` and `forms/` with stable resource names and duplicate filtering. */
package cn.chifeng.title.deployment;
