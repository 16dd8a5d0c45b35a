package cn.zhaoshang.tracker.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentShareTest {

    @Test
    void alone_an_instance_keeps_every_segment() {
        assertThat(SegmentShare.toRelease(2, 1, 2)).isZero();
    }

    @Test
    void the_first_of_two_instances_gives_up_half() {
        assertThat(SegmentShare.toRelease(2, 2, 2)).isEqualTo(1);
        assertThat(SegmentShare.toRelease(4, 2, 4)).isEqualTo(2);
    }

    @Test
    void an_odd_segment_stays_where_it_is() {
        assertThat(SegmentShare.toRelease(3, 2, 3)).isEqualTo(1);
        assertThat(SegmentShare.toRelease(3, 2, 2)).isZero();
    }

    @Test
    void an_instance_at_its_share_gives_up_nothing() {
        assertThat(SegmentShare.toRelease(2, 2, 1)).isZero();
        assertThat(SegmentShare.toRelease(2, 2, 0)).isZero();
    }

    @Test
    void with_more_instances_than_segments_some_have_no_work() {
        assertThat(SegmentShare.toRelease(2, 3, 2)).isEqualTo(1);
        assertThat(SegmentShare.toRelease(2, 3, 1)).isZero();
    }
}
