package dev.backfillfleet.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Realistic-looking, league-wide unique player names (unique by lookup, so {@code player_lookup}
 * identifies a player across every season). Stateful: one instance per league generation.
 */
final class PlayerNames
{
    private static final List<String> FIRST_NAMES = List.of(
            "Aaron", "Adrian", "Alec", "Alonzo", "Andre", "Anfernee", "Ausar", "Bennett", "Brandon", "Brice",
            "Bryce", "Caleb", "Cam", "Cason", "Chris", "Cody", "Colby", "Collin", "Corey", "Dalen",
            "Damion", "Darius", "Davion", "De'Andre", "DeMarcus", "Dejon", "Derrick", "Devin", "Donovan", "Dorian",
            "D'Angelo", "Dwayne", "Elijah", "Emmanuel", "Evan", "Gabe", "Garrison", "Grant", "Hunter", "Isaiah",
            "Ivan", "Ja'Marcus", "Jabari", "Jalen", "Jamal", "Jaren", "Javon", "Jaylen", "Jericho", "Jordan",
            "Josh", "Julian", "Justin", "Kam", "Keegan", "Kelvin", "Kendall", "Keon", "Kevon", "Kobe",
            "Kris", "Lamar", "Landry", "Lonnie", "Luka", "Malik", "Marcus", "Mason", "Matas", "Miles",
            "Moses", "Nate", "Nikola", "Noah", "Obi", "Olivier", "Paolo", "Quentin", "Rasheed", "Reggie",
            "Rudy", "Ryan", "Sadiq", "Scottie", "Shaedon", "Terrence", "Tobias", "Trey", "Tyrese", "Victor",
            "Walker", "Xavier", "Zach", "Zion");

    private static final List<String> LAST_NAMES = List.of(
            "Abernathy", "Adebayo", "Alvarado", "Ashworth", "Bamford", "Barlow", "Beasley", "Bickerstaff", "Blackwell", "Boateng",
            "Bradford", "Brathwaite", "Calloway", "Carrington", "Castellanos", "Chambers", "Coulibaly", "Crenshaw", "Dabney", "Dalrymple",
            "Delacroix", "Diallo", "Donnelly", "Dorsey", "Dumont", "Eason", "Ellington", "Epps", "Fairbanks", "Fontenot",
            "Galloway", "Garland", "Gaskins", "Gillespie", "Goodwin", "Greer", "Hairston", "Halvorsen", "Harkless", "Hollins",
            "Huerter", "Ivey", "Jablonski", "Jefferies", "Kamara", "Keaton", "Kessler", "Kovalenko", "Lambright", "Langford",
            "Larkin", "Lindqvist", "Lockett", "Lundgren", "Mabry", "Maddox", "Marchetti", "McAllister", "McCrory", "Mensah",
            "Merriweather", "Montague", "Morrow", "Mbeki", "Nakamura", "Nance", "Ndiaye", "Nwosu", "O'Bannon", "Okafor",
            "Okoro", "Oyelaran", "Pemberton", "Petrovic", "Pickett", "Pryor", "Quarles", "Radcliffe", "Ransom", "Reddick",
            "Rollins", "Saddler", "Sandoval", "Sefolosha", "Shumpert", "Sikorski", "Silvers", "Stackhouse", "Strickland", "Tavares",
            "Thibodeaux", "Tillman", "Toussaint", "Underwood", "Valanciunas", "Vanterpool", "Vasquez", "Wainwright", "Waller", "Whitfield",
            "Wilkerson", "Winslow", "Wojcik", "Yarbrough", "Yeboah", "Zeller", "Zubac");

    private static final List<String> SUFFIXES = List.of("Jr.", "Jr.", "Jr.", "II", "III");

    private final Set<String> usedLookups = new HashSet<>();

    String next(SplittableRandom random)
    {
        while (true) {
            String last = Draws.pick(random, LAST_NAMES);
            if (Draws.chance(random, 0.03)) {
                last = last + "-" + Draws.pick(random, LAST_NAMES);
            }
            String name = Draws.pick(random, FIRST_NAMES) + " " + last;
            if (Draws.chance(random, 0.05)) {
                name = name + " " + Draws.pick(random, SUFFIXES);
            }
            if (usedLookups.add(DemoPlayer.lookupOf(name))) {
                return name;
            }
        }
    }
}
