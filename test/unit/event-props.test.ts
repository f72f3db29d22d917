import { expect } from '@open-wc/testing';
import { eventPropName, eventProps } from '../../src/event-props.js';
import { THYMIA_EVENT_NAMES } from '../../src/events.js';

describe('framework event props', () => {
  it('names each event the way React wrappers and Vue templates spell its listener', () => {
    expect(eventPropName('thymia-result')).to.equal('onThymiaResult');
    expect(eventPropName('thymia-upload-progress')).to.equal('onThymiaUploadProgress');
    expect(eventPropName('thymia-state-change')).to.equal('onThymiaStateChange');
  });

  it('gives every event the element dispatches one prop, and no two events the same prop', () => {
    const props = eventProps(THYMIA_EVENT_NAMES);
    expect(Object.values(props)).to.have.members([...THYMIA_EVENT_NAMES]);
    expect(Object.keys(props)).to.have.length(THYMIA_EVENT_NAMES.length);
    for (const [prop, name] of Object.entries(props)) expect(prop).to.equal(eventPropName(name));
  });
});
