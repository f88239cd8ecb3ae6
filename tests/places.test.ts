import assert from 'node:assert/strict';
import { communitiesIn, localityOf, placeFit } from '../src/knowledge/places';
import { builtKnowledge, searchEngine } from './helpers';

describe('place', () => {
  const service = (id: string) => {
    const s = builtKnowledge().services.find((x) => x.id === id);
    assert.ok(s, id);
    return s;
  };

  it('finds communities named in text, in order', () => {
    assert.deepEqual(communitiesIn('day centre in Newtongrange or Gorebridge'), ['Newtongrange', 'Gorebridge']);
    assert.deepEqual(communitiesIn('services across Midlothian'), []);
  });

  it('places each service: local, Midlothian-wide, regional or national', () => {
    assert.deepEqual(localityOf(service('broomhill-day-centre-penicuik')), { scope: 'local', communities: ['Penicuik'] });
    assert.equal(localityOf(service('samaritans')).scope, 'national');
    assert.equal(localityOf(service('vocal-midlothian-carer-centre')).scope, 'midlothian');
    assert.ok(localityOf(service('midlothian-citizens-advice')).communities.includes('Penicuik'));
    assert.equal(localityOf(service('womens-aid-east-and-midlothian')).scope, 'regional');
  });

  it('fits the place asked for: there first, then Midlothian-wide, then national, elsewhere last', () => {
    const fit = (id: string): number => placeFit(localityOf(service(id)), 'Penicuik');
    assert.ok(fit('broomhill-day-centre-penicuik') > fit('midlothian-scottish-welfare-fund'), 'in Penicuik before Midlothian-wide');
    assert.ok(fit('midlothian-scottish-welfare-fund') > fit('alzheimer-scotland-midlothian-day-service'), 'Midlothian-wide before based in Bonnyrigg');
    assert.ok(fit('alzheimer-scotland-midlothian-day-service') > fit('samaritans'), 'Midlothian before national');
    assert.ok(fit('samaritans') > placeFit({ scope: 'local', communities: ['Dalkeith'] }, 'Penicuik'), 'national before a local service elsewhere');
  });

  it('ranks local services first when a question names a place, without hiding national helplines', () => {
    const near = searchEngine().search('day centre near Penicuik').results;
    assert.match(near[0].passage.title, /Penicuik/);
    const debt = searchEngine().search('debt advice near Penicuik').results;
    assert.match(debt[0].passage.title, /Citizens Advice/);
    const helpline = searchEngine().search('dementia helpline Penicuik').results.slice(0, 5).map((r) => r.passage.title);
    assert.ok(helpline.some((t) => /Dementia Helpline/i.test(t)), helpline.join(' | '));
  });
});
