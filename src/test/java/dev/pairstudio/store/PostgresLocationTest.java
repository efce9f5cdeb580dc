package dev.pairstudio.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading a team database's URL: no server needed. */
class PostgresLocationTest {

    @Test
    void theUsualSpellingsAreRead() {
        PostgresLocation a = PostgresLocation.parse("postgresql://ann@db.example.com:6543/pairs");
        assertThat(a.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/pairs");
        assertThat(a.user()).isEqualTo("ann");
        assertThat(a.password()).isNull();
        PostgresLocation b = PostgresLocation.parse(
                "jdbc:postgresql://db.example.com/pairs?user=bob&password=s3cr%40t&sslmode=require");
        assertThat(b.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/pairs?sslmode=require");
        assertThat(b.user()).isEqualTo("bob");
        assertThat(new String(b.password())).isEqualTo("s3cr@t");
        assertThat(PostgresLocation.parse("postgres://carl:p%3Aw@h/d").password())
                .containsExactly('p', ':', 'w');
    }

    @Test
    void thePasswordIsNeverShown() {
        PostgresLocation p = PostgresLocation.parse("postgresql://ann:hunter2@db.example.com/pairs");
        assertThat(new String(p.password())).isEqualTo("hunter2");
        assertThat(p.display()).isEqualTo("postgresql://ann@db.example.com:5432/pairs");
        assertThat(p.toString()).doesNotContain("hunter2");
        assertThat(p.jdbcUrl()).doesNotContain("hunter2");
    }

    @Test
    void aUrlWithoutDatabaseSaysHowToWriteIt() {
        assertThatThrownBy(() -> Databases.open("postgresql://ann:hunter2@db.example.com"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("postgresql://USER@HOST:PORT/DATABASE")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void anUnreachableServerSaysWhereItLooked() {
        // port 1 on loopback: nothing listens, the connection is refused at once
        assertThatThrownBy(() -> Databases.open("postgresql://ann:hunter2@127.0.0.1:1/pairs"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Cannot reach the PostgreSQL server at 127.0.0.1:1")
                .hasMessageContaining("check the host and port")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aTeamDatabaseIsNotEncryptedWithAFilePassword() {
        assertThatThrownBy(() -> Databases.openEncrypted("postgresql://ann@h/d", "pw".toCharArray()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("sslmode");
    }
}
