import type { Forum, ForumPresets } from './forum.js'

/**
 * The forums Plenary seeds on first start (issue 7). Pure data, so the server's seeding,
 * the tests and the client read the same figures.
 *
 * Each `seedKey` is stable forever: it is the seeded forum's id, and at every start a
 * forum whose key is missing is added again, while one that exists is never touched
 * (admins edit the figures; their edits win).
 *
 * The figures are examples to check against each secretariat's current information note
 * or note verbale, which change from session to session. Speaking times assume 100 words
 * a minute, the pace UN interpreters ask for.
 */
export interface ForumSeed extends Pick<Forum, 'name' | 'shortName' | 'description' | 'cadence' | 'presets'> {
  seedKey: string
}

const WORDS_PER_MINUTE = 100

/** ECOSOC's rule for written statements to its commissions: 2,000 words with general status, 1,500 otherwise. */
const COMMISSION_WORD_LIMITS: ForumPresets['written']['wordLimits'] = { general: 2000, special: 1500, roster: 1500, none: null }

function presets(overrides: {
  speakingLimitSeconds: number | null
  generalDebateSpeakingLimitSeconds?: number | null
  coverPageWords?: number
  deadlineDaysBeforeMeeting: number | null
}): ForumPresets {
  return {
    oral: {
      speakingLimitSeconds: overrides.speakingLimitSeconds,
      generalDebateSpeakingLimitSeconds: overrides.generalDebateSpeakingLimitSeconds ?? null,
      wordsPerMinute: WORDS_PER_MINUTE,
    },
    written: { wordLimits: { ...COMMISSION_WORD_LIMITS }, coverPageWords: overrides.coverPageWords ?? 0 },
    deadlineDaysBeforeMeeting: overrides.deadlineDaysBeforeMeeting,
  }
}

/** For forums an admin adds: three minutes, commission word limits, a deadline two weeks ahead. */
export const DEFAULT_FORUM_PRESETS: ForumPresets = presets({ speakingLimitSeconds: 180, deadlineDaysBeforeMeeting: 14 })

export const FORUM_CATALOGUE: readonly ForumSeed[] = [
  {
    seedKey: 'ccpcj',
    name: 'Commission on Crime Prevention and Criminal Justice',
    shortName: 'CCPCJ',
    description: 'The UN\'s principal policy-making body on crime prevention and criminal justice, a functional commission of ECOSOC.',
    cadence: 'Annual session in May in Vienna, plus intersessional meetings and a reconvened session in December',
    presets: presets({ speakingLimitSeconds: 180, deadlineDaysBeforeMeeting: 30 }),
  },
  {
    seedKey: 'crime-congress',
    name: 'United Nations Congress on Crime Prevention and Criminal Justice',
    shortName: 'Crime Congress',
    description: 'The largest UN gathering on crime prevention and criminal justice; its declaration guides the CCPCJ for the next five years.',
    cadence: 'Every five years; the host country varies',
    presets: presets({ speakingLimitSeconds: 180, deadlineDaysBeforeMeeting: 30 }),
  },
  {
    seedKey: 'cop-untoc',
    name: 'Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
    shortName: 'COP UNTOC',
    description: 'The Conference of the States parties to the Convention and its Protocols.',
    cadence: 'Every two years in Vienna',
    presets: presets({ speakingLimitSeconds: 180, deadlineDaysBeforeMeeting: 30 }),
  },
  {
    seedKey: 'untoc-subsidiary-bodies',
    name: 'UNTOC subsidiary bodies and Constructive Dialogues',
    shortName: 'UNTOC WGs & CDs',
    description:
      'The working groups of the Conference of the Parties (trafficking in persons, smuggling of migrants, firearms, ' +
      'international cooperation, technical assistance), the review mechanism and the Constructive Dialogues with civil society.',
    cadence: 'Several meetings a year in Vienna',
    presets: presets({ speakingLimitSeconds: 180, deadlineDaysBeforeMeeting: 14 }),
  },
  {
    seedKey: 'cybercrime-ahc',
    name: 'Ad Hoc Committee on Cybercrime',
    shortName: 'AHC Cybercrime',
    description:
      'The UN negotiations on cybercrime: the Ad Hoc Committee to Elaborate a Comprehensive International Convention on ' +
      'Countering the Use of Information and Communications Technologies for Criminal Purposes, and the sessions that follow it.',
    cadence: 'Negotiating sessions in New York and Vienna',
    presets: presets({ speakingLimitSeconds: 180, deadlineDaysBeforeMeeting: 14 }),
  },
  {
    seedKey: 'unga',
    name: 'General Assembly',
    shortName: 'UNGA',
    description: 'The main deliberative organ of the UN, with its Third Committee on social, humanitarian and cultural questions.',
    cadence: 'Annual session opening in September in New York',
    presets: presets({ speakingLimitSeconds: 180, deadlineDaysBeforeMeeting: 30 }),
  },
  {
    seedKey: 'hlpf',
    name: 'High-Level Political Forum on Sustainable Development',
    shortName: 'HLPF',
    description: 'Follows up on the 2030 Agenda and the Sustainable Development Goals, including SDG 16.',
    cadence: 'Annually in July in New York, under ECOSOC',
    presets: presets({ speakingLimitSeconds: 120, deadlineDaysBeforeMeeting: 30 }),
  },
  {
    seedKey: 'hrc',
    name: 'Human Rights Council',
    shortName: 'HRC',
    description: 'The intergovernmental body responsible for the promotion and protection of human rights.',
    cadence: 'Three regular sessions a year in Geneva (February–April, June–July, September–October)',
    presets: presets({ speakingLimitSeconds: 120, generalDebateSpeakingLimitSeconds: 90, deadlineDaysBeforeMeeting: 14 }),
  },
  {
    seedKey: 'csw',
    name: 'Commission on the Status of Women',
    shortName: 'CSW',
    description: 'The functional commission of ECOSOC dedicated to gender equality and the empowerment of women.',
    cadence: 'Annual session in March in New York',
    presets: presets({ speakingLimitSeconds: 180, coverPageWords: 100, deadlineDaysBeforeMeeting: 120 }),
  },
]
