import { describe, expect, it } from 'vitest';
import { contactsForm } from './contacts';
import { contentErrors, readSubmission } from './submission';
import { formData } from './test-helpers';

describe('the contacts form', () => {
  it('reads an address one line per line', () => {
    const { content } = readSubmission(
      contactsForm,
      formData({
        'contacts.0.team': 'Children’s services',
        'contacts.0.addressLines': 'PO Box 1\nTaunton',
        'contacts.0.postcode': 'TA1 1AA',
        'contacts.0.email': '',
        'contacts.0.phone': '0300 123 2224',
        'contacts.0.website': '',
      }),
    );
    expect(content).toEqual([
      {
        team: 'Children’s services',
        addressLines: ['PO Box 1', 'Taunton'],
        postcode: 'TA1 1AA',
        email: null,
        phone: '0300 123 2224',
        website: null,
        purposes: [],
      },
    ]);
  });

  it('marks a contact as the route to an advocate or to a complaint', () => {
    const data = formData({ 'contacts.0.team': 'Complaints team', 'contacts.0.phone': '0300 000 0000' });
    data.append('contacts.0.purposes', 'complaints');
    data.append('contacts.0.purposes', 'advocacy');
    const { content } = readSubmission(contactsForm, data);
    expect(content).toEqual([expect.objectContaining({ team: 'Complaints team', purposes: ['complaints', 'advocacy'] })]);
  });

  it('says a contact with no way to reach it needs one', () => {
    const { content } = readSubmission(contactsForm, formData({ 'contacts.0.team': 'Team' }));
    const errors = contentErrors(contactsForm, content);
    expect(Object.values(errors).join(' ')).toContain('at least one way to reach it');
  });
});
