package cn.zhaoshang.tracker.pages;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;

/** How every workbook sheet prints: on A4, one page wide and as many long as it needs, pages numbered. */
public final class A4Pages {

    private A4Pages() {}

    public static void fit(Sheet sheet, boolean landscape) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
    }
}
