package no.biztek.support.sla.clock;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;

/** The records a TopologyTestDriver wrote to the ticket events' dead-letter topic, read on each look. */
final class RecordingDeadLetters extends AbstractList<TestRecord<byte[], byte[]>> {

    private final List<TestRecord<byte[], byte[]>> read = new ArrayList<>();
    private TestOutputTopic<byte[], byte[]> topic;

    void readFrom(TestOutputTopic<byte[], byte[]> deadLetterTopic) {
        this.topic = deadLetterTopic;
    }

    private List<TestRecord<byte[], byte[]>> all() {
        if (topic != null) {
            read.addAll(topic.readRecordsToList());
        }
        return read;
    }

    @Override
    public TestRecord<byte[], byte[]> get(int index) {
        return all().get(index);
    }

    @Override
    public int size() {
        return all().size();
    }
}
