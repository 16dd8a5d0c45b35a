/**
 * What the HTML pages share: the {@code @Page} marker and its error pages, the reader's language, amounts, dates and
 * months as officials write them, countries by name, the filters of a page's form, and A4 and workbook output.
 */
package cn.zhaoshang.tracker.pages;
