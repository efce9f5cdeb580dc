package dev.pairstudio.privacy;

/**
 * Words that say what a nearby number is, in English and the common forms of German, French,
 * Spanish, Italian, Portuguese, Dutch, Polish and the Nordic languages. They raise a candidate
 * that validation alone rejects (a national phone number of an unknown region, a Luhn-valid
 * number outside the issuer table, a dotted SSN); without one, validation alone decides.
 */
enum ContextWords {
    PHONE(
            40,
            12,
            "phone",
            "phones",
            "telephone",
            "tel",
            "mobile",
            "mob",
            "cell",
            "cellphone",
            "fax",
            "call",
            "call me",
            "calls",
            "ring",
            "desk",
            "office",
            "contact",
            "dial",
            "sms",
            "text me",
            "whatsapp",
            "hotline",
            "landline",
            "phone number",
            "phone_number",
            "phone_no",
            "msisdn",
            "direct",
            "switchboard",
            // de
            "telefon",
            "telefonnummer",
            "rufnummer",
            "handy",
            "mobil",
            "mobilnummer",
            "festnetz",
            "anrufen",
            "ruf",
            "büro",
            "durchwahl",
            "kontakt",
            "erreichbar",
            // fr
            "téléphone",
            "tél",
            "portable",
            "appeler",
            "appelez",
            "appelle",
            "bureau",
            "joindre",
            "fixe",
            "numéro de téléphone",
            // es
            "teléfono",
            "telefono",
            "móvil",
            "movil",
            "celular",
            "llamar",
            "llame",
            "llámame",
            "llamame",
            "oficina",
            "contacto",
            "fijo",
            // it
            "cellulare",
            "chiamare",
            "chiama",
            "chiamami",
            "ufficio",
            "contatto",
            "recapito",
            // pt
            "telefone",
            "telemóvel",
            "telemovel",
            "ligar",
            "ligue",
            "escritório",
            "escritorio",
            "contato",
            // nl
            "telefoon",
            "telefoonnummer",
            "mobiel",
            "bellen",
            "bel",
            "kantoor",
            // pl
            "komórka",
            "komorka",
            "komórkowy",
            "zadzwoń",
            "zadzwon",
            "biuro",
            "nr tel",
            // nordic (sv, no, da, fi)
            "tlf",
            "mobilnr",
            "ring till",
            "ring mig",
            "kontor",
            "puhelin",
            "matkapuhelin",
            "soita",
            "puh"),
    CARD(
            40,
            20,
            "card",
            "cards",
            "credit card",
            "debit card",
            "cc",
            "visa",
            "mastercard",
            "master card",
            "amex",
            "american express",
            "maestro",
            "discover",
            "jcb",
            "unionpay",
            "union pay",
            "diners",
            "rupay",
            "verve",
            "card number",
            "card_number",
            "card_no",
            "cardnumber",
            "cc_number",
            "kreditkarte",
            "karte",
            "kartennummer",
            "carte",
            "carte bancaire",
            "tarjeta",
            "carta",
            "cartão",
            "cartao",
            "kaart",
            "creditcard",
            "karta",
            "kort",
            "kortnummer",
            "kortti",
            "paid with",
            "pay with",
            "charged to",
            "bezahlt mit",
            "payé avec",
            "pagado con",
            "pagato con",
            "pago con"),
    SSN(
            40,
            25,
            "ssn",
            "ssns",
            "social security",
            "social sec",
            "ss#",
            "ss #",
            "ss no",
            "ss number",
            "taxpayer",
            "ssn#",
            "social_security");

    private final int before;
    private final int after;
    private final String[] words;

    ContextWords(int before, int after, String... words) {
        this.before = before;
        this.after = after;
        this.words = words;
    }

    /** Whether one of the words ends right before {@code pos} ("Tel. 20.49.12.34"), apart from punctuation. */
    boolean rightBefore(String text, int pos) {
        return Context.lastWordIn(text, Math.max(0, pos - 14), pos, words) != null;
    }

    /**
     * The context word around {@code [start, end)} as written in the text, with a ':' right after
     * it ("Mobile:"), or null. The nearest word before wins.
     */
    String around(String text, int start, int end) {
        int[] hit = Context.lastWordIn(text, Math.max(0, start - before), start, words);
        if (hit == null) {
            hit = Context.lastWordIn(text, end, Math.min(text.length(), end + after), words);
        }
        if (hit == null) {
            return null;
        }
        int e = hit[1];
        if (e < text.length() && text.charAt(e) == ':') {
            e++;
        }
        return text.substring(hit[0], e);
    }
}
