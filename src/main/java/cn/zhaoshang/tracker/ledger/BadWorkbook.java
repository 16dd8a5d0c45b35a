package cn.zhaoshang.tracker.ledger;

/** The upload is not a workbook we can read as a 台账 at all (not .xlsx, wrong headers, empty, too many rows). */
class BadWorkbook extends RuntimeException {

    BadWorkbook(String message) {
        super(message);
    }
}
