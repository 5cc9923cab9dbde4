import { describe, expect, it } from 'vitest';
import type { Nation } from '@pledgekeeper/domain/council';
import { helpRoutes } from './help-routes';

const pageIn = (nation: Nation) => ({ council: { nation }, contacts: [], pledge: null }) as unknown as Parameters<typeof helpRoutes>[0];

describe('where a young person goes for help', () => {
  it('sends a young person in England to Help at Hand, with its free number', () => {
    expect(helpRoutes(pageIn('england')).national).toMatchObject({
      name: "Help at Hand, from the Children's Commissioner for England",
      phone: '0800 528 0731',
    });
  });

  it.each([
    ['wales', "The Children's Commissioner for Wales", 'https://www.childcomwales.org.uk/'],
    ['scotland', "The Children and Young People's Commissioner Scotland", 'https://www.cypcs.org.uk/'],
    ['northern-ireland', 'The Northern Ireland Commissioner for Children and Young People (NICCY)', 'https://www.niccy.org/'],
  ] as const)('sends a young person in %s to their own commissioner, never to England’s', (nation, name, website) => {
    const national = helpRoutes(pageIn(nation)).national;
    expect(national).toMatchObject({ name, website, phone: null, email: null });
    expect(JSON.stringify(national)).not.toMatch(/England|Help at Hand/);
  });
});
