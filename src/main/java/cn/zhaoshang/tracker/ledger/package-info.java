/**
 * The ledger (台账) as officials keep it in Excel: a downloadable template, the import of a filled-in workbook as the
 * commands that build each project's history (all rows or none), and the export of the project list.
 */
package cn.zhaoshang.tracker.ledger;
