/**
 * Demo history for an empty store: the zones of Hengyang and Zhuzhou and Songmu's projects of 2021-2024, sent as
 * real commands so that the 2023 figures of the Songmu article can be reproduced, audited and replayed. It uses
 * only the published languages of the zone and project slices and is switched off with
 * {@code tracker.demo-data=false}.
 */
package cn.zhaoshang.tracker.demo;
