/**
 * Write slice for investment projects (招商项目): the {@code InvestmentProject} aggregate that enforces the
 * lifecycle 签约 → 落地 → 投产 (or 终止), capital arrivals, amendments and corrections, and the HTTP commands.
 */
package cn.zhaoshang.tracker.project;
